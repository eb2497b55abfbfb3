package com.example.shop.web;

@WebMvcTest(UserController.class)
class UserControllerTest {
    @GetMapping("/not-a-route")
    void helper() {}
}
