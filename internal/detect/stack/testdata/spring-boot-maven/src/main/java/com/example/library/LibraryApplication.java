package com.example.library;
