import pytest

from .factories import PostFactory


@pytest.fixture
def testpost(db):
    # A fixture named like a test: pytest does not collect it.
    post = PostFactory(title='hello')
    db.session.commit()
    return post


def test_list_posts_empty(testapp):
    resp = testapp.get('/api/posts')
    assert resp.json == []


def test_list_posts(testapp, testpost):
    resp = testapp.get('/api/posts')
    assert resp.json[0]['title'] == 'hello'
