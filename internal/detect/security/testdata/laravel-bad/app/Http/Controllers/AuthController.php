<?php

namespace App\Http\Controllers;

use Illuminate\Http\Request;
use Illuminate\Support\Facades\Hash;

class AuthController extends Controller
{
    public function login(Request $request)
    {
        $user = \App\Models\User::where('email', $request->email)->firstOrFail();
        return ['token' => $user->createToken('api')->plainTextToken];
    }
}
