"""Documents' files in an S3-compatible object store (FILE_STORAGE=s3, django-storages),
against moto's S3 server started on a local port: the page uploads, the public
downloads, and the object is in the bucket under its prefix."""

import socket

import boto3
import pytest
from django.core.exceptions import ImproperlyConfigured

from plenary.settings import file_storage
from tests.conftest import client_for
from tests.documents.conftest import PDF, upload

BUCKET = "plenary-files"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def s3(monkeypatch, settings):
    """moto's S3 server on a local port, a bucket in it, and the default storage there."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=_free_port(), verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    client.create_bucket(Bucket=BUCKET)
    environ = {
        "FILE_STORAGE": "s3",
        "S3_BUCKET": BUCKET,
        "S3_ENDPOINT_URL": endpoint,
        "S3_REGION": "us-east-1",
        "S3_PREFIX": "/media/",
    }
    settings.STORAGES = {**settings.STORAGES, "default": file_storage(environ)}
    yield client
    server.stop()


def test_a_document_file_goes_to_the_bucket_and_comes_back(s3, secretariat, client, annex):
    response = client_for(secretariat).post(
        "/ccm/documents/CCM/CONF/2020/CRP.8/versions/",
        {"language": "fr", "file": upload("rapport.pdf", PDF)},
    )
    assert response.status_code == 302
    listed = s3.list_objects_v2(Bucket=BUCKET)["Contents"]
    assert [o["Key"] for o in listed] == ["media/documents/CCM_CONF_2020_CRP.8_fr.pdf"]
    stored = s3.get_object(Bucket=BUCKET, Key=listed[0]["Key"])["Body"].read()
    assert stored == PDF

    download = client.get("/ccm/documents/CCM/CONF/2020/CRP.8/download/fr/")
    assert download.status_code == 200
    assert download.getvalue() == PDF

    # A second upload of the same name does not overwrite the first object.
    again = client_for(secretariat).post(
        "/ccm/documents/CCM/CONF/2020/CRP.8/versions/",
        {"language": "fr", "file": upload("rapport.pdf", PDF + b"%second\n")},
    )
    assert again.status_code == 302
    assert len(s3.list_objects_v2(Bucket=BUCKET)["Contents"]) == 2


def test_the_storage_setting_is_local_by_default_and_s3_needs_a_bucket():
    assert file_storage({}) == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    with pytest.raises(ImproperlyConfigured, match="S3_BUCKET"):
        file_storage({"FILE_STORAGE": "s3"})
    with pytest.raises(ImproperlyConfigured, match="local or s3, not 'nfs'"):
        file_storage({"FILE_STORAGE": "nfs"})
