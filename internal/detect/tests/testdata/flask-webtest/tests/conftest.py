# -*- coding: utf-8 -*-
"""Fixtures shared by all tests."""

import pytest
from webtest import TestApp

from blog.app import create_app
from blog.extensions import db as _db
from blog.settings import TestConfig


@pytest.yield_fixture(scope='function')
def app():
    _app = create_app(TestConfig)
    ctx = _app.test_request_context()
    ctx.push()
    yield _app
    ctx.pop()


@pytest.fixture(scope='function')
def testapp(app):
    """A WebTest app."""
    return TestApp(app)


@pytest.yield_fixture(scope='function')
def db(app):
    _db.app = app
    with app.app_context():
        _db.create_all()
    yield _db
    _db.session.close()
    _db.drop_all()
