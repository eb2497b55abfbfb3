ActiveRecord::Schema[7.1].define(version: 2024_01_01_000000) do
end
