require "rails_helper"

RSpec.describe Article, type: :model do
  it "is invalid without a title" do
    article = Article.new(title: nil, body: "long enough body")
    expect(article).not_to be_valid
    expect(article.errors[:title]).to include("can't be blank")
  end

  it "is published when published_at is in the past" do
    article = Article.new(published_at: 1.day.ago)
    expect(article).to be_published
  end

  it { is_expected.to validate_presence_of(:title) }

  it "is pending"
end
