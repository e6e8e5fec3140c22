global using Riposte.Analytics.Ingest;
global using Riposte.Analytics.Posts;
