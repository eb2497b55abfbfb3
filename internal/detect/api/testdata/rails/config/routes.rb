Rails.application.routes.draw do
  devise_for :users
  root "articles#index"
  get "about", to: "pages#about"
  resources :articles do
    resources :comments, only: [:create, :destroy]
  end
  # get "old", to: "pages#old"

  namespace :api do
    resources :posts, only: [:index, :show]
  end
end
