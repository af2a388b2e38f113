'use strict';

require('@babel/register');

const createPages = require('./gatsby/create-pages');
const onCreateNode = require('./gatsby/on-create-node');

exports.createPages = createPages;
exports.onCreateNode = onCreateNode;
