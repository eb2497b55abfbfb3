package com.example.shop.product;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.mock.mockito.MockBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(ProductController.class)
class ProductControllerTest {
    @Autowired MockMvc mvc;
    @MockBean ProductService service;

    @Test
    void returns404ForUnknownProduct() throws Exception {
        when(service.find(9L)).thenReturn(Optional.empty());
        mvc.perform(get("/api/products/9")).andExpect(status().isNotFound());
    }

    @Test
    void returnsProductJson() throws Exception {
        when(service.find(1L)).thenReturn(Optional.of(new Product(1L, "pen", 150)));
        mvc.perform(get("/api/products/1"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.name").value("pen"));
    }
}
