module example.com/inventory
