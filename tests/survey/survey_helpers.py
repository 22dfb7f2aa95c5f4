"""Building answers the way the public form posts them."""


def posted(questions, **values):
    """{question id: [values]} from keyword arguments by question code."""
    return {str(questions[key].pk): (value if isinstance(value, list) else [value]) for key, value in values.items()}


def form_data(version, questions, token="t-1", code=None, **values):
    data = {"version": str(version.pk), "skickat": token}
    for key, value in values.items():
        data[f"q{questions[key].pk}"] = value
    if code is not None:
        data["kod"] = code
    return data
