<?php

namespace App\Http\Controllers;

use App\Models\Post;
use Illuminate\Http\Request;

class PostController extends Controller
{
    public function index()
    {
        return Post::latest()->paginate(10);
    }

    public function store(Request $request)
    {
        $data = $request->validate(['title' => 'required|max:120', 'body' => 'required']);
        return response()->json(Post::create($data), 201);
    }
}
