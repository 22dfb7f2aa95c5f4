"""Keeps the public survey paths out of every log the application writes (issue 6).

Wire it into settings.LOGGING on the handlers of "django.server" (runserver's access log) and
"django.request" (4xx/5xx lines), e.g.

    "filters": {"no_survey": {"()": "samordna.survey.logging.OmitSurveyPaths"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["no_survey"]}},

A record is dropped when its request path, or the request line in its message, is under /e/.
"""
import logging
import re

SURVEY_PREFIX = "/e/"
_REQUEST_LINE = re.compile(r'"?(?:GET|POST|HEAD|PUT|PATCH|DELETE|OPTIONS) (\S+)')


def is_survey_path(path: str) -> bool:
    return bool(path) and path.startswith(SURVEY_PREFIX)


class OmitSurveyPaths(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        path = getattr(request, "path", None)
        if path is None:
            # runserver's access log passes the socket request (no .path) and the request line as an argument.
            try:
                message = record.getMessage()
            except Exception:  # a malformed record is not ours to judge
                return True
            match = _REQUEST_LINE.search(message)
            path = match.group(1) if match else ""
            if not path and message.startswith(("Not Found: ", "Bad Request: ", "Forbidden")):
                path = message.split(": ", 1)[-1]
        return not is_survey_path(path)
