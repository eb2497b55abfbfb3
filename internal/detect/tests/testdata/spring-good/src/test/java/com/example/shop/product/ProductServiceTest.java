package com.example.shop.product;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductServiceTest {
    private ProductService service;

    @BeforeEach
    void setUp() {
        service = new ProductService();
    }

    @Test
    void findsSavedProduct() {
        service.save(new Product(1L, "pen", 150));
        assertThat(service.find(1L)).isPresent();
    }

    @Test
    void totalSumsPrices() {
        service.save(new Product(1L, "pen", 150));
        service.save(new Product(2L, "ink", 50));
        assertThat(service.total()).isEqualTo(200);
    }

    // @Test
    // void removesProduct() {
    // }
}
