<?php

namespace App\Services;

use Illuminate\Support\Facades\Http;

class WeatherClient
{
    public function today(string $city): array
    {
        return Http::get('https://api.open-meteo.com/v1/forecast', ['city' => $city])->json();
    }
}
