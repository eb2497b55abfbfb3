require "rails_helper"

RSpec.describe Article do
  it "needs a title" do
    expect(Article.new).not_to be_valid
  end
end
