resource "google_cloud_run_v2_service" "todo" {
  name     = "todo"
  location = "europe-west1"
}
