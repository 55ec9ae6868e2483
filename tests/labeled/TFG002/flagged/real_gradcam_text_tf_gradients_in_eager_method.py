# source: https://github.com/HaebinShin/grad-cam-text/issues/2
# reported: Running the repo's text-CNN Grad-CAM under TensorFlow 2 stops with "tf.gradients is not supported when eager execution is enabled. Use tf.GradientTape instead."; the maintainer answers that the code only supports TF 1.x.
# observed (TF 2.21): the model is built eagerly, so tf.gradients in get_grad_cam raises RuntimeError at line 88 (first class, first feature map).
import numpy as np
import tensorflow as tf


class Model(object):
    def build(self, features, params, training=False):
        self.input_data = features['x']
        self.params = params
        if training:
            self.dropout = 0.5
        else:
            self.dropout = 1.

        self.max_over_time_pooled_layers = []
        self.max_over_time_pooled_layer = self._cnn_layer(self.input_data, params['kernels'])
        self.max_over_time_pooled_layers.append(self.max_over_time_pooled_layer)

        self.concatenated_layer = tf.concat(self.max_over_time_pooled_layers, axis=1)
        self.highway_layer = self._fc_layer(input_layer=self.concatenated_layer, training=training)

        # logits
        self.logits_layer = self._logits_layer(self.highway_layer, params['num_classes'])

        # hypothesis
        self.hypothesis = tf.nn.softmax(self.logits_layer, name='hypothesis')

        self.prob, self.answer = tf.nn.top_k(self.hypothesis, 1)
        predictions = {
            'probabilities': self.prob,
            'predict_index': self.answer,
            'hypothesis': self.hypothesis,
            'grad_cam': self.get_grad_cam(),
        }
        return predictions

    def _fc_layer(self, input_layer, training):
        layer = tf.keras.layers.Dense(16, activation=tf.nn.relu,
                                      kernel_initializer='glorot_uniform',
                                      bias_initializer='zeros')(input_layer)
        layer = tf.keras.layers.Dropout(0.5)(layer, training=training)
        layer = tf.keras.layers.Dense(8, activation=tf.nn.relu,
                                      kernel_initializer='glorot_uniform',
                                      bias_initializer='zeros')(layer)
        layer = tf.keras.layers.Dropout(0.5)(layer, training=training)
        return layer

    def _cnn_layer(self, x, kernels, name_scope_postfix=""):
        self.feature_maps = []
        pooled_outputs = []
        for i, (filter_size, filter_num) in enumerate(kernels):
            # x shape: [None, length, embedding_dim]
            conv = tf.keras.layers.Conv1D(filters=filter_num,
                                          kernel_size=filter_size,
                                          strides=1,
                                          padding="valid",
                                          activation=tf.nn.relu)(x)
            # conv shape: [None, length-filter_size+1, filter_num]
            self.feature_maps.append(conv)
            pooled = tf.keras.layers.AveragePooling1D(pool_size=int(conv.shape[-2]),
                                                      strides=1)(conv)
            # pooled shape: [None, 1, filter_num]
            pooled_outputs.append(tf.squeeze(pooled, axis=[1]))

        # Combine all the pooled features
        flatten = tf.concat(values=pooled_outputs, axis=1)
        return flatten

    def _logits_layer(self, x, num_classes):
        logits = tf.keras.layers.Dense(num_classes, activation=None,
                                       kernel_initializer='glorot_uniform',
                                       bias_initializer='zeros')(x)
        return logits

    def get_grad_cam(self, class_idxs=[]):
        if len(class_idxs) == 0:
            class_idxs = list(range(self.params['num_classes']))

        grad_cam = []
        for _class_idx in class_idxs:

            y_c = self.logits_layer[:, _class_idx]
            grad_cam_c_filtersize = []
            for feature_map in self.feature_maps:
                # shape: [None, length-filter_size+1, filter_num]
                _dy_da = tf.gradients(y_c, feature_map)[0]  # expect: TFG002
                # shape: [None, length-filter_size+1, filter_num]

                _alpha_c = tf.reduce_mean(_dy_da, axis=1)
                # shape: [None, filter_num]

                _grad_cam_c = tf.nn.relu(tf.reduce_sum(tf.multiply(tf.transpose(feature_map, perm=[0, 2, 1]),
                                                                   tf.stack([_alpha_c], axis=2)),
                                                       axis=1))
                _interpol_grad_cam_c = tf.stack([tf.stack([_grad_cam_c], axis=2)], axis=3)
                _interpol_grad_cam_c = tf.image.resize(_interpol_grad_cam_c,
                                                       size=[self.params['max_article_length'], 1])
                _interpol_grad_cam_c = tf.squeeze(_interpol_grad_cam_c, axis=[2, 3])
                # shape: [None, length]

                grad_cam_c_filtersize.append(_interpol_grad_cam_c)

            grad_cam_c = tf.reduce_sum(tf.stack(grad_cam_c_filtersize, axis=0), axis=0)
            grad_cam_c = grad_cam_c / tf.norm(grad_cam_c, axis=1, keepdims=True)
            grad_cam.append(grad_cam_c)

        return tf.stack(grad_cam, axis=1)
        # shape: [None, num_classes, length]


params = {'kernels': [(3, 4), (4, 4)], 'num_classes': 2, 'max_article_length': 12}
features = {'x': tf.constant(np.random.rand(2, 12, 8).astype(np.float32))}

model = Model()
predictions = model.build(features, params, training=False)
print(predictions['grad_cam'].shape)
