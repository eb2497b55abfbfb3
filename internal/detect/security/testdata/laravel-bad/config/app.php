<?php

return [
    'name' => env('APP_NAME', 'Laravel'),
    'key' => env('APP_KEY'),
    'cipher' => 'AES-256-CBC',
];
