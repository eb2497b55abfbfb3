def make_payload(title):
    return {"title": title}
