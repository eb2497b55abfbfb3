package com.example.shop.support;

import com.example.shop.product.Product;

public final class TestData {
    private TestData() {}
    public static Product pen() { return new Product(1L, "pen", 150); }
}
