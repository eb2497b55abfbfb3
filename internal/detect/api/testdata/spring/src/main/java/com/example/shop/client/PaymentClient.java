package com.example.shop.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;

@FeignClient(name = "payments", url = "${payments.url}")
public interface PaymentClient {
    @GetMapping("/payments/{id}")
    Payment get(@PathVariable("id") String id);
}
