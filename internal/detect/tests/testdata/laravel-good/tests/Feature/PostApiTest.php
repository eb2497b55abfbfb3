<?php

namespace Tests\Feature;

use App\Models\Post;
use Illuminate\Foundation\Testing\RefreshDatabase;
use Tests\TestCase;

class PostApiTest extends TestCase
{
    use RefreshDatabase;

    public function test_it_lists_posts(): void
    {
        Post::create(['title' => 'Hello', 'body' => 'World']);

        $this->getJson('/api/posts')
            ->assertOk()
            ->assertJsonPath('data.0.title', 'Hello');
    }

    public function test_it_validates_the_title(): void
    {
        $this->postJson('/api/posts', ['body' => 'x'])
            ->assertStatus(422)
            ->assertJsonValidationErrors('title');
    }

    /** @test */
    public function it_creates_a_post(): void
    {
        $this->postJson('/api/posts', ['title' => 'T', 'body' => 'B'])->assertCreated();
        $this->assertDatabaseHas('posts', ['title' => 'T']);
    }
}
