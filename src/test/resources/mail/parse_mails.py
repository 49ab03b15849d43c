"""Reads .eml files with Python's own MIME parser (email, policy=default) and prints, per file, the
decoded subject and the decoded name of every attached file, as JSON: a second parser, independent
of Angus Mail, to check what the service writes."""
import email
import email.policy
import json
import sys

result = {}
for path in sys.argv[1:]:
    with open(path, 'rb') as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    names = []
    for part in msg.walk():
        name = part.get_filename()
        if name is not None:
            names.append(str(name))
    defects = [type(d).__name__ for part in msg.walk() for d in part.defects]
    result[path] = {"subject": str(msg["subject"]), "filenames": names, "defects": defects}
print(json.dumps(result, ensure_ascii=True))
