package com.example.shop.product;

public record Product(Long id, String name, long priceCents) {
    public Product {
        if (priceCents < 0) throw new IllegalArgumentException("price must be >= 0");
    }
}
