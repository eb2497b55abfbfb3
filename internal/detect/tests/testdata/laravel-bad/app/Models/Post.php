<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;

class Post extends Model
{
    protected $fillable = ['title', 'body'];

    public function excerpt(int $length = 20): string
    {
        return mb_strimwidth($this->body, 0, $length, '...');
    }
}
