export default {
	title: "Lighthouse Log",
	url: "https://lighthouse-log.example/",
	language: "en",
	description: "Notes from the keepers of the north light.",
	author: {
		name: "Ines Okafor",
		email: "ines@lighthouse-log.example",
		url: "https://lighthouse-log.example/about/"
	}
}
