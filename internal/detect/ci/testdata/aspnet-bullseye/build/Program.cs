using static Bullseye.Targets;
using static SimpleExec.Command;

Target("restore", () => Run("dotnet", "restore Shop.sln"));

Target("build", DependsOn("restore"), () => Run("dotnet", "build Shop.sln -c Release --no-restore"));

Target(
    "test",
    DependsOn("build"),
    () => Run("dotnet", "test tests/Shop.Tests -c Release --no-build")
);

Target("default", DependsOn("test"));

await RunTargetsAndExitAsync(args);
