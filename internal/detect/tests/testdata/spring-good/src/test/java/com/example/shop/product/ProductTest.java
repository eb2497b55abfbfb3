package com.example.shop.product;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProductTest {
    @Test
    void rejectsNegativePrice() {
        assertThrows(IllegalArgumentException.class, () -> new Product(1L, "x", -1));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 999})
    void acceptsNonNegativePrice(long cents) {
        assertEquals(cents, new Product(1L, "x", cents).priceCents());
    }
}
