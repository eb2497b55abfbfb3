require "rails_helper"

RSpec.describe "Articles", type: :request do
  describe "POST /articles" do
    it "creates an article" do
      post "/articles", params: { article: { title: "Hi", body: "a long body text" } }
      expect(response).to have_http_status(:created)
    end

    it "rejects a short body" do
      post "/articles", params: { article: { title: "Hi", body: "short" } }
      expect(response).to have_http_status(:unprocessable_entity)
    end
  end
end
