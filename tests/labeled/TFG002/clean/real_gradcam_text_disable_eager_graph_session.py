# source: https://github.com/HaebinShin/grad-cam-text/issues/2
# reported: The repo's text-CNN Grad-CAM fails under TensorFlow 2 with "tf.gradients is not supported when eager execution is enabled"; the maintainer says to run it as TF 1.x code. This is that route: the TF1-style model kept as is, with tf.compat.v1.disable_eager_execution() first.
# observed (TF 2.21): with eager execution disabled every tf.gradients call in get_grad_cam builds graph ops, and sess.run evaluates the Grad-CAM map; no error.
import numpy as np
import tensorflow as tf

tf.compat.v1.disable_eager_execution()


class Model(object):
    def build(self, features, params, training=False):
        self.input_data = features['x']
        self.params = params

        self.max_over_time_pooled_layers = []
        with tf.name_scope("cnn-layer"):
            self.max_over_time_pooled_layer = self._cnn_layer(self.input_data, params['kernels'])
            self.max_over_time_pooled_layers.append(self.max_over_time_pooled_layer)

        with tf.name_scope("concatenated-layer"):
            self.concatenated_layer = tf.concat(self.max_over_time_pooled_layers, axis=1)

        with tf.name_scope('logit-layer'):
            self.logits_layer = self._logits_layer(self.concatenated_layer, params['num_classes'])

        with tf.name_scope('hypothesis'):
            self.hypothesis = tf.nn.softmax(self.logits_layer, name='hypothesis')

        with tf.name_scope('eval'):
            self.prob, self.answer = tf.nn.top_k(self.hypothesis, 1)
        predictions = {
            'probabilities': self.prob,
            'predict_index': self.answer,
            'hypothesis': self.hypothesis,
            'grad_cam': self.get_grad_cam(),
        }
        return predictions

    def _cnn_layer(self, x, kernels, name_scope_postfix=""):
        self.feature_maps = []
        pooled_outputs = []
        in_dim = int(x.shape[-1])
        for i, (filter_size, filter_num) in enumerate(kernels):
            with tf.name_scope("conv-maxpool-%s" % filter_size):
                w = tf.compat.v1.get_variable("conv_w_%d" % i, [filter_size, in_dim, filter_num],
                                              initializer=tf.compat.v1.glorot_uniform_initializer())
                b = tf.compat.v1.get_variable("conv_b_%d" % i, [filter_num],
                                              initializer=tf.compat.v1.zeros_initializer())
                conv = tf.nn.relu(tf.nn.conv1d(x, w, stride=1, padding="VALID") + b)
                # conv shape: [None, length-filter_size+1, filter_num]
                self.feature_maps.append(conv)
                pooled = tf.reduce_mean(conv, axis=1)
                pooled_outputs.append(pooled)

        flatten = tf.concat(values=pooled_outputs, axis=1)
        return flatten

    def _logits_layer(self, x, num_classes):
        w = tf.compat.v1.get_variable("logit_w", [int(x.shape[-1]), num_classes],
                                      initializer=tf.compat.v1.glorot_uniform_initializer())
        b = tf.compat.v1.get_variable("logit_b", [num_classes],
                                      initializer=tf.compat.v1.zeros_initializer())
        return tf.matmul(x, w) + b

    def get_grad_cam(self, class_idxs=[]):
        if len(class_idxs) == 0:
            class_idxs = list(range(self.params['num_classes']))

        grad_cam = []
        for _class_idx in class_idxs:

            y_c = self.logits_layer[:, _class_idx]
            grad_cam_c_filtersize = []
            for feature_map in self.feature_maps:
                _dy_da = tf.gradients(y_c, feature_map)[0]
                _alpha_c = tf.reduce_mean(_dy_da, axis=1)
                _grad_cam_c = tf.nn.relu(tf.reduce_sum(tf.multiply(tf.transpose(feature_map, perm=[0, 2, 1]),
                                                                   tf.stack([_alpha_c], axis=2)),
                                                       axis=1))
                _interpol_grad_cam_c = tf.stack([tf.stack([_grad_cam_c], axis=2)], axis=3)
                _interpol_grad_cam_c = tf.image.resize(_interpol_grad_cam_c,
                                                       size=[self.params['max_article_length'], 1])
                _interpol_grad_cam_c = tf.squeeze(_interpol_grad_cam_c, axis=[2, 3])
                grad_cam_c_filtersize.append(_interpol_grad_cam_c)

            grad_cam_c = tf.reduce_sum(tf.stack(grad_cam_c_filtersize, axis=0), axis=0)
            grad_cam_c = grad_cam_c / (tf.norm(grad_cam_c, axis=1, keepdims=True) + 1e-8)
            grad_cam.append(grad_cam_c)

        return tf.stack(grad_cam, axis=1)


params = {'kernels': [(3, 4), (4, 4)], 'num_classes': 2, 'max_article_length': 12}
x = tf.compat.v1.placeholder(tf.float32, [None, 12, 8], name='x')

model = Model()
predictions = model.build({'x': x}, params)

with tf.compat.v1.Session() as sess:
    sess.run(tf.compat.v1.global_variables_initializer())
    out = sess.run(predictions, feed_dict={x: np.random.rand(2, 12, 8).astype(np.float32)})
    print(out['grad_cam'].shape)
