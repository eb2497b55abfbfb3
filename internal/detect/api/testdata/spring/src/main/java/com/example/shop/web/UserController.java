package com.example.shop.web;

import java.util.List;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/users")
public class UserController {

    @GetMapping
    public List<User> list() { return service.all(); }

    @GetMapping("/{id}")
    public User get(@PathVariable long id) { return service.find(id); }

    @PostMapping
    public User create(@RequestBody User u) { return service.save(u); }

    @DeleteMapping("/{id}")
    public void delete(@PathVariable long id) { service.delete(id); }

    @RequestMapping(value = "/legacy", method = RequestMethod.GET)
    public List<User> legacy() { return list(); }
}
