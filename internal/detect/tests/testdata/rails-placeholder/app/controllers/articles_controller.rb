class ArticlesController < ApplicationController
  def index
    render json: Article.all
  end

  def create
    article = Article.new(params.require(:article).permit(:title, :body))
    if article.save
      render json: article, status: :created
    else
      render json: article.errors, status: :unprocessable_entity
    end
  end
end
