"""The participant's pages: no login, no cookies, nothing that identifies.

The POST is csrf_exempt because a CSRF token needs a cookie; a forged submission could only
add one anonymous answer, which the rate limiter and the optional one-time codes already bound.
The pages never touch the session or messages (either would set a cookie), load nothing from
another site and send `Referrer-Policy: no-referrer` and `Cache-Control: no-store`.
"""
from django.core.exceptions import RequestDataTooBig, ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from . import ratelimit
from .models import Distribution, Question
from .services import MAX_TEXT, submit_response

LANGUAGES = {"lattlast": "easy", "en": "en"}
TEXTS = {
    "sv": {"intro": "Enkäten är frivillig och anonym. Vi sparar inte vem du är, inte din dator eller telefon "
                    "och inte när du svarade – bara vilket kvartal. Du kan hoppa över frågor.",
           "send": "Skicka svaren", "code": "Kod från lappen", "yes": "Ja", "no": "Nej",
           "errors": "Svaren kunde inte skickas", "closed": "Enkäten är stängd",
           "closed_text": "Den här enkäten tar inte emot fler svar. Tack för att du ville svara!",
           "thanks": "Tack för dina svar!", "thanks_text": "Svaren är sparade utan uppgifter om vem du är. "
                                                         "Du kan stänga sidan nu.",
           "text_hint": f"Högst {MAX_TEXT} tecken. Skriv inte namn eller personnummer.",
           "too_big": f"Svaren är för stora för att tas emot. Kommentaren får vara högst {MAX_TEXT} tecken – "
                      "fyll i enkäten igen med en kortare kommentar."},
    "easy": {"intro": "Du väljer själv om du vill svara. Ingen kan se vem som svarar. "
                      "Du behöver inte svara på alla frågor.",
             "send": "Skicka", "code": "Koden på lappen", "yes": "Ja", "no": "Nej",
             "errors": "Något blev fel", "closed": "Enkäten är stängd",
             "closed_text": "Det går inte att svara längre. Tack ändå!",
             "thanks": "Tack!", "thanks_text": "Vi har fått dina svar. Du kan stänga sidan nu.",
             "text_hint": f"Högst {MAX_TEXT} tecken. Skriv inga namn.",
             "too_big": f"Det du skrev är för långt. Skriv högst {MAX_TEXT} tecken och försök igen."},
    "en": {"intro": "This survey is voluntary and anonymous. We do not store who you are, your device or "
                    "when you answered – only the quarter of the year. You may skip questions.",
           "send": "Send answers", "code": "Code from your slip", "yes": "Yes", "no": "No",
           "errors": "Your answers could not be sent", "closed": "The survey is closed",
           "closed_text": "This survey no longer accepts answers. Thank you anyway!",
           "thanks": "Thank you!", "thanks_text": "Your answers are saved without anything about who you are.",
           "text_hint": f"At most {MAX_TEXT} characters. Please do not write names.",
           "too_big": f"Your answers are too large to receive. The comment may be at most {MAX_TEXT} characters – "
                      "please fill in the survey again with a shorter comment."},
}


def _language(request):
    return LANGUAGES.get(request.GET.get("sprak", ""), "sv")


def _private(response):
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "no-store"
    return response


def _fields(version, language, posted):
    """The questions as the template needs them, with what the person already chose."""
    fields = []
    for q in version.questions.all():
        name = f"q{q.pk}"
        chosen = posted.getlist(name) if posted else []
        if q.kind == Question.Kind.SCALE:
            options = [(str(n), str(n)) for n in range(1, 6)]
        elif q.kind == Question.Kind.YES_NO:
            options = [("ja", TEXTS[language]["yes"]), ("nej", TEXTS[language]["no"])]
        else:
            options = q.options(language)
        fields.append({"question": q, "name": name, "label": q.label(language), "options": options,
                       "chosen": chosen, "text": chosen[0] if chosen and q.kind == Question.Kind.TEXT else ""})
    return fields


@csrf_exempt
def answer(request, token):
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    distribution = get_object_or_404(Distribution.objects.select_related("questionnaire", "intervention"),
                                     token=token)
    language = _language(request)
    version = distribution.questionnaire.current
    context = {"distribution": distribution, "language": language, "t": TEXTS[language],
               "html_lang": "en" if language == "en" else "sv", "errors": []}
    if version is None or not distribution.is_open:
        status = 410 if request.method == "POST" else 200
        return _private(TemplateResponse(request, "survey/public_closed.html", context, status=status))
    status = 200
    form_token = ratelimit.new_form_token()
    try:
        posted = request.POST if request.method == "POST" else None
    except RequestDataTooBig:
        # Far beyond any real comment: nothing of it can be read back, so the form starts over.
        posted, status = None, 400
        context["errors"] = [TEXTS[language]["too_big"]]
    if posted is not None:
        today = timezone.localdate()
        sent_token = posted.get("skickat", "")
        answers = {key[1:]: posted.getlist(key) for key in posted if key.startswith("q")}
        if not ratelimit.allow(request.META.get("REMOTE_ADDR", ""), today):
            context["errors"], status = ["Många svar har kommit härifrån i dag. Försök igen i morgon."], 429
        elif not ratelimit.spend_form_token(sent_token, today):
            context["errors"], status = ["De här svaren är redan skickade. Tack!"], 400
        else:
            try:
                submit_response(distribution, posted.get("version"), answers, today, posted.get("kod", ""))
            except ValidationError as error:
                ratelimit.forget_form_token(sent_token)
                form_token = sent_token
                context["errors"], status = error.messages, 400
            else:
                url = reverse("survey_thanks", args=[distribution.token])
                if language != "sv":
                    url += f"?sprak={request.GET['sprak']}"
                return _private(redirect(url))
    context.update(version=version, fields=_fields(version, language, posted), form_token=form_token,
                   code=posted.get("kod", "") if posted else "", max_text=MAX_TEXT)
    return _private(TemplateResponse(request, "survey/public_answer.html", context, status=status))


def thanks(request, token):
    distribution = get_object_or_404(Distribution, token=token)
    language = _language(request)
    context = {"distribution": distribution, "t": TEXTS[language], "language": language,
               "html_lang": "en" if language == "en" else "sv"}
    return _private(TemplateResponse(request, "survey/public_thanks.html", context))
