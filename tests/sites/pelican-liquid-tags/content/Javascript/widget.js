document.title = "widget";
