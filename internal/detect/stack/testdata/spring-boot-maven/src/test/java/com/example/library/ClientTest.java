package com.example.library;

class ClientTest {
    WebClient client = WebClient.builder().build();
}
