using IntervisieBot.TeamsPackage;

// Fills the Teams manifest template with the bot's Microsoft App ID and writes artifacts/intervisiebot-teams.zip.
return PackageCommand.Run(args, Console.Out, Console.Error, PackageCommandContext.FromProcess());
