class CreateArticles < ActiveRecord::Migration[7.1]
end
