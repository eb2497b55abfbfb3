from flask import Blueprint, jsonify

from blog.models import Post

blueprint = Blueprint('posts', __name__)


@blueprint.route('/api/posts', methods=('GET',))
def list_posts():
    return jsonify([p.to_dict() for p in Post.query.all()])
