// Placeholder entry point: no branch has the `portal` tool's code yet, and without a Main the projects that
// reference this one (the integration tests) cannot build. Replace this file with the real CLI.
Console.Error.WriteLine("The portal command-line tool is not built yet.");
return 1;
