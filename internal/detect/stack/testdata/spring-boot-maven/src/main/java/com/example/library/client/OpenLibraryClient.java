package com.example.library.client;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestTemplate;

@Component
public class OpenLibraryClient {
    // private final WebClient client = WebClient.create("https://openlibrary.org");
    private final RestTemplate rest = new RestTemplate();

    public String lookup(String isbn) {
        return rest.getForObject("https://openlibrary.org/isbn/{isbn}.json", String.class, isbn);
    }
}
