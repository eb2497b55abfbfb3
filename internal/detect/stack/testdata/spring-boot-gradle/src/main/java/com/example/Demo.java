package com.example;
