'use strict';

module.exports = {
  url: 'https://quayside-notes.example.com',
  pathPrefix: '/',
  title: 'Quayside Notes',
  subtitle: 'Short pieces about the waterfront, its trades and its weather.',
  copyright: '© All rights reserved.',
  disqusShortname: '',
  postsPerPage: 4,
  googleAnalyticsId: '',
  useKatex: false,
  menu: [
    {
      label: 'Articles',
      path: '/'
    },
    {
      label: 'About me',
      path: '/pages/about'
    }
  ],
  author: {
    name: 'Ilse Marchetti',
    photo: '/photo.jpg',
    bio: 'Writes about harbours.',
    contacts: {
      email: 'ilse@example.com',
      rss: '/rss.xml'
    }
  }
};
