class Article < ApplicationRecord
  validates :title, presence: true
  validates :body, length: { minimum: 10 }

  def published?
    published_at.present? && published_at <= Time.current
  end
end
