FROM gitpod/workspace-java-21
