plugins {
    java
    id("org.springframework.boot") version "3.2.1"
    id("io.spring.dependency-management") version "1.1.4"
}

dependencies {
    implementation(platform("org.springframework.cloud:spring-cloud-dependencies:2023.0.0"))
    implementation("org.springframework.boot:spring-boot-starter-web")
    implementation("org.springframework.boot:spring-boot-starter-data-mongodb")
    implementation(libs.okhttp)
    // implementation("org.postgresql:postgresql:42.7.1")
    /* implementation("mysql:mysql-connector-java:8.0.33") */
    testImplementation("org.springframework.boot:spring-boot-starter-test")
    testImplementation(libs.testcontainers.mongodb)
}
