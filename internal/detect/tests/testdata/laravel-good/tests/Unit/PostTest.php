<?php

namespace Tests\Unit;

use App\Models\Post;
use PHPUnit\Framework\Attributes\Test;
use PHPUnit\Framework\TestCase;

class PostTest extends TestCase
{
    #[Test]
    public function excerpt_is_truncated(): void
    {
        $post = new Post(['title' => 't', 'body' => str_repeat('a', 50)]);
        $this->assertSame(20, mb_strlen($post->excerpt()));
    }
}
