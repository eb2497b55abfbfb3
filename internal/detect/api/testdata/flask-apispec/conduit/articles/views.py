from flask import Blueprint
from flask_apispec import marshal_with

from .models import Article
from .serializers import articles_schema

blueprint = Blueprint('articles', __name__)


@blueprint.route('/api/articles', methods=('GET',))
@marshal_with(articles_schema)
def get_articles(limit=20, offset=0):
    return Article.query.offset(offset).limit(limit).all()
