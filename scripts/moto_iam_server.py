#!/usr/bin/env python3
"""moto_server with IAM enforced from the first request, made to authorise S3 and SQS as AWS does.

Used by IamEnforcedMotoIT (local-stack). Usage: moto_iam_server.py -H 127.0.0.1 -p PORT

* Requests signed with the harness key (MOTO_IAM_ADMIN_KEY, default "local") are not authorised: they stand for
  the deployment and the test, not for a function. Every other request must be allowed by its IAM user's policy.
* Where moto (5.2) authorises differently from AWS, this file makes it authorise as AWS does:
  - DeleteObjects: per key, s3:DeleteObject (s3:DeleteObjectVersion with a version id); moto asks for
    s3:DeleteObject on the bucket ARN. Stricter than AWS in one way: one denied key denies the whole request.
  - CopyObject: s3:GetObject (s3:GetObjectVersion) on the source too; moto checks only the target's s3:PutObject.
  - HEAD with a version id is s3:GetObjectVersion; GET ?tagging&versionId is s3:GetObjectVersionTagging.
  - A missing object answers 403, not 404, to a caller without s3:ListBucket on the bucket.
  - sqs:GetQueueUrl is authorised on the named queue's ARN (moto asks for "*").
  - The signature of a request whose query holds a "/" (a list prefix) is checked as signed (moto decodes it).
* Every denial is recorded; GET /_iam/denials returns them (one "user action resource" per line) and clears them.
* POST /_iam/user with JSON {"user": name, "policy": document} creates the user (and its one access key) if new,
  replaces its only inline policy and answers {"accessKeyId": …, "secretAccessKey": …}.
* A lock released meanwhile, on demand: POST /_iam/release-after-refusal with JSON {"bucket": …, "key": …} makes
  the next conditional put (If-None-Match: *) refused on that key delete the object right after its 412, as if its
  holder released it between the caller's put and its next request. Armed for one refusal; GET
  /_iam/released returns the released "bucket/key"s (one a line) and clears them. It lets the tier prove a
  permission needed only in that race (the HEAD of a lock gone must answer 404, which needs s3:ListBucket).

Not checked, because moto has no IAM model of them here: KMS key use, CloudWatch Logs, EC2 network interfaces,
Secrets Manager; nor the event source mapping (the local pipeline polls with the harness key).
"""
import json
import os
import sys
import threading
from urllib.parse import parse_qs, parse_qsl, quote, unquote, urlparse

os.environ["INITIAL_NO_AUTH_ACTION_COUNT"] = "0"

from moto import settings  # noqa: E402

settings.INITIAL_NO_AUTH_ACTION_COUNT = 0

import xmltodict  # noqa: E402
from moto.core import authorization  # noqa: E402
from moto.iam import access_control  # noqa: E402
from moto.iam.models import iam_backends  # noqa: E402
from moto.moto_server import werkzeug_app  # noqa: E402
from moto.s3 import responses as s3_responses  # noqa: E402
from moto.s3.exceptions import BucketAccessDeniedError, MissingKey, PreconditionFailed  # noqa: E402
from moto.sqs import responses as sqs_responses  # noqa: E402
from moto import server  # noqa: E402

ADMIN_KEY = os.environ.get("MOTO_IAM_ADMIN_KEY", "local")
ACCOUNT = "123456789012"
_denials = []
_release_after_refusal = set()  # "bucket/key" armed for one refused conditional put
_released = []
_lock = threading.Lock()


def _access_key(headers):
    return headers.get("Authorization", "").partition("Credential=")[2].partition("/")[0]


def _enforced(response):
    return "Authorization" in response.headers and _access_key(response.headers) != ADMIN_KEY


# --- the harness key is not authorised; everything else is, from the first request
_original_authorize = authorization.ActionAuthenticatorMixin._authenticate_and_authorize_action


def _authorize(self, iam_request_cls, resource="*"):
    if not _enforced(self):
        return
    _original_authorize(self, iam_request_cls, resource)


authorization.ActionAuthenticatorMixin._authenticate_and_authorize_action = _authorize

# --- sign the query as clients do: moto hands the signature check a decoded query ("prefix=quarantine/"),
# which then differs from the client's canonical "prefix=quarantine%2F"
_original_init = access_control.IAMRequestBase.__init__


def _init(self, account_id, method, path, data, body, headers, action):
    base, _, query = path.partition("?")
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        path = base + "?" + "&".join(quote(k, safe="-_.~") + "=" + quote(v, safe="-_.~") for k, v in pairs)
    _original_init(self, account_id, method, path, data, body, headers, action)


access_control.IAMRequestBase.__init__ = _init

# --- record every denial
_original_check = access_control.IAMRequestBase.check_action_permitted


def _check(self, resource):
    try:
        _original_check(self, resource)
    except Exception:
        with _lock:
            _denials.append(f"{self._access_key.arn} {self._action} {resource}")
        raise


access_control.IAMRequestBase.check_action_permitted = _check


def _require(response, action, resource):
    """Raises AWS's access denied unless the caller's policy allows action on resource."""
    request = access_control.S3IAMRequest(
        account_id=response.current_account, method=response.method, path=urlparse(response.uri).path,
        data=response.data, body=response.raw_body, headers=response.headers, action=action)
    request.check_action_permitted(resource)


def _allowed(response, action, resource):
    try:
        _require(response, action, resource)
        return True
    except Exception:
        return False


# --- S3: the action AWS asks for
S3 = s3_responses.S3Response
_original_set_action = S3._set_action


def _set_action(self, resource_type, method, querystring):
    _original_set_action(self, resource_type, method, querystring)
    if resource_type == "KEY" and "versionId" in querystring:
        if method == "HEAD":
            self.data["Action"] = "GetObjectVersion"
        elif method == "GET" and "tagging" in querystring:
            self.data["Action"] = "GetObjectVersionTagging"


S3._set_action = _set_action


def _missing_without_list_is_denied(self, bucket_name):
    if _enforced(self) and not _allowed(self, "ListBucket", f"arn:aws:s3:::{bucket_name}"):
        raise BucketAccessDeniedError(bucket=bucket_name)


_original_head = S3.head_object


def _head_object(self, bucket_name, query, key_name, headers):
    answer = _original_head(self, bucket_name, query, key_name, headers)
    if isinstance(answer, tuple) and answer[0] == 404:
        _missing_without_list_is_denied(self, bucket_name)
    return answer


S3.head_object = _head_object

_original_get = S3._key_response_get


def _key_response_get(self, query, key_name):
    try:
        return _original_get(self, query, key_name)
    except MissingKey:
        _missing_without_list_is_denied(self, self.bucket_name)
        raise


S3._key_response_get = _key_response_get

_original_put = S3._key_response_put


def _key_response_put(self, query, key_name):
    source = self.headers.get("x-amz-copy-source")
    if source and _enforced(self):
        parsed = urlparse(source if isinstance(source, str) else source.decode("utf-8"))
        bucket, key = unquote(parsed.path).lstrip("/").split("/", 1)
        version = parse_qs(parsed.query).get("versionId", [None])[0]
        _require(self, "GetObjectVersion" if version else "GetObject", f"arn:aws:s3:::{bucket}/{key}")
    try:
        return _original_put(self, query, key_name)
    except PreconditionFailed as refused:
        if refused.condition == "If-None-Match":
            _release_if_armed(self.backend, self.bucket_name, key_name)
        raise


def _release_if_armed(backend, bucket_name, key_name):
    """The holder of a lock releases it just after another caller's conditional put was refused (on demand)."""
    name = f"{bucket_name}/{key_name}"
    with _lock:
        if name not in _release_after_refusal:
            return
        _release_after_refusal.discard(name)
        _released.append(name)
    backend.delete_object(bucket_name, key_name)


S3._key_response_put = _key_response_put

_original_post = S3._bucket_response_post


def _bucket_response_post(self, request, bucket_name):
    self.path = self._get_path(request)
    if self.is_delete_keys() and _enforced(self) and request.headers.get("Content-Length"):
        # The signature is checked by the first per-key authorisation.
        objects = xmltodict.parse(self.body, strip_whitespace=False)["Delete"].get("Object", [])
        for item in objects if isinstance(objects, list) else [objects]:
            action = "DeleteObjectVersion" if item.get("VersionId") else "DeleteObject"
            self.data["Action"] = action
            _original_authorize(self, access_control.S3IAMRequest, f"arn:aws:s3:::{bucket_name}/{item['Key']}")
        return self._bucket_response_delete_keys(bucket_name)
    return _original_post(self, request, bucket_name)


S3._bucket_response_post = _bucket_response_post

# --- SQS: GetQueueUrl on the queue it names
_original_resource = sqs_responses.SQSResponse._determine_resource


def _determine_resource(self):
    if self._get_action() == "GetQueueUrl":
        return f"arn:aws:sqs:{self.region}:{self.current_account}:{self._get_param('QueueName')}"
    return _original_resource(self)


sqs_responses.SQSResponse._determine_resource = _determine_resource


# --- control routes for the test
def _control(environ, start_response):
    path = environ.get("PATH_INFO", "")
    if path == "/_iam/denials":
        with _lock:
            body = "".join(line + "\n" for line in _denials)
            _denials.clear()
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [body.encode()]
    if path == "/_iam/released":
        with _lock:
            body = "".join(line + "\n" for line in _released)
            _released.clear()
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [body.encode()]
    length = int(environ.get("CONTENT_LENGTH") or 0)
    request = json.loads(environ["wsgi.input"].read(length))
    if path == "/_iam/release-after-refusal":
        with _lock:
            _release_after_refusal.add(f"{request['bucket']}/{request['key']}")
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b""]
    backend = iam_backends[ACCOUNT]["aws"]
    name = request["user"]
    if name not in backend.users:
        backend.create_user("us-east-1", name)
        backend.create_access_key(name)
    user = backend.get_user(name)
    for policy in list(user.policies):
        backend.delete_user_policy(name, policy)
    backend.put_user_policy(name, "function", request["policy"])
    key = user.access_keys[0]
    start_response("200 OK", [("Content-Type", "application/json")])
    return [json.dumps({"accessKeyId": key.access_key_id, "secretAccessKey": key.secret_access_key}).encode()]


_original_call = werkzeug_app.DomainDispatcherApplication.__call__


def _call(self, environ, start_response):
    if environ.get("PATH_INFO", "").startswith("/_iam/"):
        return _control(environ, start_response)
    return _original_call(self, environ, start_response)


werkzeug_app.DomainDispatcherApplication.__call__ = _call

if __name__ == "__main__":
    server.main(sys.argv[1:])
