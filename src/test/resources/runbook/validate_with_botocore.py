"""Validates AWS CLI argv against botocore's service models, as the AWS CLI would before sending.

Reads one JSON array of words per line on stdin (["aws", "dynamodb", "restore-table-from-backup", "--x", "v", ...]),
maps every option to the operation's input member of the same name (the CLI's own naming rule), turns JSON and
shorthand values into structures, then runs botocore's own parameter validation and request serializer on them,
as a client call does before sending; nothing is sent. Prints "OK <operation>" or "ERROR <operation>: <reason>" per line.
"""
import json
import os
import sys

import botocore.session
from botocore import xform_name
from botocore.serialize import create_serializer
from botocore.validate import validate_parameters

os.environ.setdefault("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "secret")


def convert(shape, raw):
    kind = shape.type_name
    if kind in ("structure", "list", "map"):
        if raw.lstrip().startswith(("{", "[")):
            return json.loads(raw)
        if kind != "structure":
            raise ValueError("only JSON is translated for " + kind + " values")
        out = {}
        for pair in raw.split(","):
            key, value = pair.split("=", 1)
            out[key] = convert(shape.members[key], value)
        return out
    if kind == "boolean":
        return raw == "true"
    if kind in ("integer", "long"):
        return int(raw)
    return raw


def params(op_model, words):
    members = {xform_name(name, "-"): (name, shape) for name, shape in op_model.input_shape.members.items()}
    out = {}
    region = None
    i = 0
    while i < len(words):
        word = words[i]
        if not word.startswith("--"):
            raise ValueError("not an option: " + word)
        name, eq, value = word[2:].partition("=")
        if not eq:
            if i + 1 < len(words) and not words[i + 1].startswith("--"):
                value = words[i + 1]
                i += 1
            else:
                value = None
        i += 1
        if name == "region":
            region = value
            continue
        if name == "query":
            continue  # filters the CLI's output only
        if name.startswith("no-") and value is None and name[3:] in members:
            out[members[name[3:]][0]] = False
            continue
        if name not in members:
            raise ValueError("unknown option --" + name)
        member, shape = members[name]
        out[member] = True if value is None else convert(shape, value)
    if region is None:
        raise ValueError("no --region")
    return region, out


def main():
    session = botocore.session.get_session()
    for line in sys.stdin:
        argv = json.loads(line)
        label = " ".join(argv[1:3])
        try:
            if argv[0] != "aws":
                raise ValueError("not an aws command")
            service, command = argv[1], argv[2]
            if command == "wait":
                print("SKIP " + label + " (a waiter)", flush=True)
                continue
            method = command.replace("-", "_")
            client = session.create_client(service, region_name="us-east-1")
            op_model = client.meta.service_model.operation_model(client.meta.method_to_api_mapping[method])
            _, kwargs = params(op_model, argv[3:])
            validate_parameters(kwargs, op_model.input_shape)
            create_serializer(client.meta.service_model.metadata["protocol"]).serialize_to_request(kwargs, op_model)
            print("OK " + label, flush=True)
        except Exception as e:  # every failure is reported against its command, then the next one is read
            print("ERROR " + label + ": " + type(e).__name__ + ": " + str(e).replace("\n", " "), flush=True)


main()
