package com.example.shop.product;

import java.util.*;
import org.springframework.stereotype.Service;

@Service
public class ProductService {
    private final Map<Long, Product> products = new HashMap<>();

    public Product save(Product p) { products.put(p.id(), p); return p; }
    public Optional<Product> find(Long id) { return Optional.ofNullable(products.get(id)); }
    public long total() { return products.values().stream().mapToLong(Product::priceCents).sum(); }
}
