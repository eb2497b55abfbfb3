from factory import Sequence
from factory.alchemy import SQLAlchemyModelFactory

from blog.extensions import db
from blog.models import Post


class PostFactory(SQLAlchemyModelFactory):
    title = Sequence(lambda n: 'post{0}'.format(n))

    class Meta:
        model = Post
        sqlalchemy_session = db.session
